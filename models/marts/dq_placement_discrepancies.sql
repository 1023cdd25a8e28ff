{#-
    Every breach of a placement table's own arithmetic (rows add up to Totalt; deviations
    follow the table's sign convention), reviewed or not. is_known marks those listed in
    seed known_source_discrepancies; the build fails on the others (generic tests on
    fct_placement_measures).
-#}
with

discrepancies as (

    select * from ({{ sum_discrepancies(ref('int_placement_measures'), 'value') }})
    union all
    select * from ({{ convention_deviation_discrepancies(ref('int_placement_measures'), 'value') }})

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
        cast(discrepancies.expected_value as decimal(18, 4)) as expected_value,
        cast(discrepancies.printed_value as decimal(18, 4)) as printed_value,
        cast(discrepancies.printed_value - discrepancies.expected_value as decimal(18, 4))
            as difference,
        cast(discrepancies.tolerance as decimal(18, 4)) as tolerance,
        discrepancies.source_line,
        known.report_id is not null as is_known,
        known.justification
    from discrepancies
    left join known on {{ is_known_discrepancy('discrepancies', 'known') }}

)

select * from final
