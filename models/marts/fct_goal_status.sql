{#-
    What the published reports say of their goals, assignments, initiatives and actions,
    item by item: 004's goal-area assessments (inriktningsmål), assignments (uppdrag),
    committee initiatives (nämndinitiativ) and operational goals (verksamhetsmål); 003's
    action plan.
-#}
with

items as (

    select * from {{ ref('int_goal_status') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        items.report_id,
        reports.municipality,
        reports.municipality_code,
        items.item_number,
        items.item_kind,
        items.goal_code,
        items.goal_area,
        items.sub_goal,
        items.item,
        items.responsible_unit,
        items.completion_forecast,
        items.is_on_plan,
        items.due_date,
        items.status,
        items.reported_assessment,
        items.reported_trend,
        items.comment,
        items.comment_date,
        items.label_line,
        items.source_line
    from items
    inner join reports on items.report_id = reports.report_id

)

select * from final
