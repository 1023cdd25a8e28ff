{#-
    Every breach of a table's own arithmetic, for every report and table family, the tables
    of unknown layout included: what the other printed values make it (expected), what is
    printed, and whether the reviewed seed known_source_discrepancies lists it (with the
    same printed and expected values). An unlisted breach quarantines its report.
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

generic as (

    {{ generic_discrepancies(ref('int_generic_cells')) }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

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
    union all
    select * from generic

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
