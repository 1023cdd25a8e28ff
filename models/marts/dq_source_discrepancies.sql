{#-
    Every breach of a report table's own arithmetic, reviewed or not, for all table
    families: what the other printed values make it (expected), what is printed, and the
    difference. is_known marks those listed, with the same printed and expected values, in
    the reviewed seed known_source_discrepancies; the generic rule tests fail the build on
    all others.
-#}
with

budget as (

    {{ all_budget_discrepancies(ref('int_budget_amounts')) }}

),

placements as (

    {{ placement_discrepancies(ref('int_placement_measures')) }}

),

report_measures as (

    {{ report_measure_discrepancies(ref('int_report_measures')) }}

),

sick_leave as (

    {{ sick_leave_discrepancies(ref('int_sick_leave_measures')) }}

),

tables as (

    select * from {{ ref('stg_report_tables') }}

),

known as (

    select * from {{ ref('known_source_discrepancies') }}

),

discrepancies as (

    select * from budget
    union all
    select * from placements
    union all
    select * from report_measures
    union all
    select * from sick_leave

),

final as (

    select
        discrepancies.report_id,
        tables.table_family,
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
    inner join tables
        on discrepancies.report_id = tables.report_id
        and discrepancies.table_id = tables.table_id
    left join known on {{ is_known_discrepancy('discrepancies', 'known') }}

)

select * from final
