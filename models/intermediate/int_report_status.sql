{#-
    Per report: published, or quarantined because its numbers break a rule that no reviewed
    entry explains (var quarantine_reports; false makes the rule tests on the facts fail the
    build instead).
-#}
with

reports as (

    select * from {{ ref('stg_reports') }}

),

breaches as (

    select * from {{ ref('int_rule_breaches') }}

),

breach_counts as (

    select report_id, count(*) as breach_count
    from breaches
    group by report_id

),

final as (

    select
        reports.report_id,
        coalesce(breach_counts.breach_count, 0) as breach_count,
        case
            when {{ var('quarantine_reports') }} and breach_counts.breach_count > 0
                then 'quarantined'
            else 'published'
        end as load_status
    from reports
    left join breach_counts on reports.report_id = breach_counts.report_id

)

select * from final
