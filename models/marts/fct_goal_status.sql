{#-
    What the reports say of their goals, assignments, initiatives and actions, item by item:
    004's goal-area assessments (inriktningsmål), assignments (uppdrag), committee
    initiatives (nämndinitiativ) and operational goals (verksamhetsmål); 003's action plan.
-#}
with

items as (

    select * from {{ ref('stg_status_items') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

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
        with_goal_code.report_id,
        reports.municipality,
        reports.municipality_code,
        with_goal_code.item_number,
        with_goal_code.item_kind,
        with_goal_code.goal_code,
        with_goal_code.goal_area,
        with_goal_code.sub_goal,
        with_goal_code.item,
        with_goal_code.responsible_unit,
        with_goal_code.completion_forecast,
        case with_goal_code.completion_forecast
            when 'Enligt plan' then true
            when 'Avvikelse från plan' then false
        end as is_on_plan,
        with_goal_code.due_date,
        with_goal_code.status,
        with_goal_code.reported_assessment,
        with_goal_code.reported_trend,
        with_goal_code.comment,
        with_goal_code.comment_date,
        with_goal_code.label_line,
        with_goal_code.source_line
    from with_goal_code
    inner join reports
        on with_goal_code.report_id = reports.report_id

)

select * from final
