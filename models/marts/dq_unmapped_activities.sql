{#-
    Budget rows whose label no entry of the reviewed seed activity_map knows: their facts
    have no activity_key until a line is added (a finding the build prints, not a failure).
-#}
with

row_activities as (

    select * from {{ ref('int_budget_row_activities') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

final as (

    select
        row_activities.report_id,
        reports.municipality,
        row_activities.table_id,
        row_activities.row_number,
        row_activities.row_label,
        row_activities.label_line,
        '"' || row_activities.row_label_key || '",,?,"(evidence: '
            || row_activities.report_id || ' line ' || row_activities.label_line || ')"'
            as suggested_seed_line
    from row_activities
    inner join reports on row_activities.report_id = reports.report_id
    where row_activities.activity_key is null

)

select * from final
