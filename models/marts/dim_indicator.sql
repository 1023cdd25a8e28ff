{#- The indicators the reports follow up, with their reviewed unit and direction. -#}
with

indicator_reference as (

    select * from {{ ref('indicator_reference') }}

),

periods as (

    select * from {{ ref('int_indicator_periods') }}

),

usage as (

    select
        indicator,
        count(distinct report_id) as report_count,
        min(measure_period_start) as first_period_start,
        max(measure_period_end) as last_period_end
    from periods
    group by indicator

),

final as (

    select
        indicator_reference.indicator,
        indicator_reference.unit,
        indicator_reference.direction,
        indicator_reference.justification as direction_evidence,
        coalesce(usage.report_count, 0) as report_count,
        usage.first_period_start,
        usage.last_period_end
    from indicator_reference
    left join usage
        on indicator_reference.indicator = usage.indicator

)

select * from final
