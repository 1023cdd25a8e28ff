{#- The reports whose facts the marts publish: every report but the quarantined ones. -#}
with

reports as (

    select * from {{ ref('stg_reports') }}

),

status as (

    select * from {{ ref('int_report_status') }}

),

final as (

    select reports.*
    from reports
    inner join status on reports.report_id = status.report_id
    where status.load_status = 'published'

)

select * from final
