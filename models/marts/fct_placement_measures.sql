with

measures as (

    select * from {{ ref('int_placement_measures') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        measures.report_id,
        reports.municipality,
        reports.municipality_code,
        reports.period_start,
        reports.period_end,
        measures.table_id,
        measures.table_family,
        measures.row_number,
        measures.row_label,
        measures.row_role,
        measures.is_varav,
        measures.parent_row_number,
        measures.care_category_key,
        measures.target_group,
        measures.column_number,
        measures.column_header,
        measures.measure,
        measures.basis,
        measures.scope,
        measures.deviation_rule,
        measures.value,
        measures.printed_text,
        measures.resolution,
        measures.label_line,
        measures.source_line
    from measures
    inner join reports on measures.report_id = reports.report_id

)

select * from final
