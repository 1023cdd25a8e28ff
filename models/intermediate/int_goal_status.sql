{#-
    Status items of every report (the fact keeps the published ones) with the goal's number
    and whether the item is on plan; the status rules check them against the report's own
    summary table.
-#}
with

items as (

    select * from {{ ref('stg_status_items') }}

),

with_goal_code as (

    select
        *,
        -- `1.1. En ekonomi i balans.`: the goal's number, for joins with indicator goal areas
        nullif(
            regexp_extract(
                case when item_kind = 'goal_area' then item else goal_area end,
                '^\s*(\d+(\.\d+)*)',
                1
            ),
            ''
        ) as goal_code
    from items

),

final as (

    select
        report_id,
        item_number,
        item_kind,
        goal_code,
        goal_area,
        sub_goal,
        item,
        responsible_unit,
        completion_forecast,
        case completion_forecast
            when 'Enligt plan' then true
            when 'Avvikelse från plan' then false
        end as is_on_plan,
        due_date,
        status,
        reported_assessment,
        reported_trend,
        comment,
        comment_date,
        label_line,
        source_line
    from with_goal_code

)

select * from final
