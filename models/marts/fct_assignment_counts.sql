{#- Assignments and committee initiatives by status (004): counts on plan, deviating from
    plan and in all; `Total Summa` kept as row_role total. -#}
with

counts as (

    select * from {{ ref('int_assignment_counts') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        counts.report_id,
        reports.municipality,
        reports.municipality_code,
        counts.table_id,
        counts.row_number,
        counts.row_label,
        counts.row_role,
        counts.assignment_kind,
        counts.status,
        counts.measure,
        counts.assignment_count,
        counts.printed_text,
        counts.source_line
    from counts
    inner join reports on counts.report_id = reports.report_id

)

select * from final
