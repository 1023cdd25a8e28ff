with

source as (

    select * from {{ source('ingest', 'raw_indicator_rows') }}

),

final as (

    select
        report_id,
        table_id,
        table_layout,
        table_title,
        title_line,
        row_number,
        goal_area,
        indicator,
        indicator_level,
        responsible_unit,
        reported_assessment,
        reported_trend,
        label_line,
        source_line,
        placement
    from source

)

select * from final
