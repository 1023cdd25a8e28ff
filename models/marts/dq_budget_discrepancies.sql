{#-
    Every breach of a report's own arithmetic in its economic tables, reviewed or not.
    is_known marks those listed (same printed value) in seed known_source_discrepancies;
    the build fails on the others (generic tests on fct_budget_outcome).
-#}
with

discrepancies as (

    {{ all_budget_discrepancies(ref('int_budget_amounts')) }}

),

known as (

    select * from {{ ref('known_source_discrepancies') }}

),

final as (

    select
        discrepancies.report_id,
        discrepancies.table_id,
        discrepancies.row_number,
        discrepancies.row_label,
        discrepancies.rule,
        discrepancies.column_number,
        discrepancies.column_header,
        cast(discrepancies.expected_value as decimal(18, 4)) as expected_tkr,
        cast(discrepancies.printed_value as decimal(18, 4)) as printed_tkr,
        cast(discrepancies.printed_value - discrepancies.expected_value as decimal(18, 4))
            as difference_tkr,
        cast(discrepancies.tolerance as decimal(18, 4)) as tolerance_tkr,
        discrepancies.source_line,
        known.report_id is not null as is_known,
        known.justification
    from discrepancies
    left join known on {{ is_known_discrepancy('discrepancies', 'known') }}

)

select * from final
