with

source as (

    select * from {{ source('ingest', 'raw_status_items') }}

),

final as (

    select
        report_id,
        item_number,
        item_kind,
        goal_area,
        sub_goal,
        item,
        responsible_unit,
        completion_forecast,
        due_date,
        status,
        reported_assessment,
        reported_trend,
        comment,
        comment_date,
        label_line,
        source_line
    from source

)

select * from final
