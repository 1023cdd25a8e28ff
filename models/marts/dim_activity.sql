{#-
    The conformed activities budget rows are compared on: the reviewed taxonomy (seed
    activities) with the labels each report prints for it.
-#}
with

activities as (

    select * from {{ ref('activities') }}

),

row_activities as (

    select * from {{ ref('int_budget_row_activities') }}
    where report_id in (select report_id from {{ ref('int_published_reports') }})

),

labels as (

    select
        activity_key,
        string_agg(distinct row_label, '; ' order by row_label) as printed_labels,
        count(distinct report_id) as report_count
    from row_activities
    where activity_key is not null
    group by activity_key

),

final as (

    select
        activities.activity_key,
        activities.activity,
        activities.activity_en,
        activities.target_group,
        activities.sort_order,
        activities.scb_area,
        activities.meaning,
        labels.printed_labels,
        cast(coalesce(labels.report_count, 0) as bigint) as report_count
    from activities
    left join labels on activities.activity_key = labels.activity_key

)

select * from final
