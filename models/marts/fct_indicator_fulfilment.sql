{#-
    Indicators against their targets: every outcome, target and forecast the reports print,
    per measurement period, with the reviewed unit and direction (seed indicator_reference),
    fulfilment computed from the numbers, and the report's own assessment beside it.
-#}
with

periods as (

    select * from {{ ref('int_indicator_periods') }}

),

indicator_reference as (

    select * from {{ ref('indicator_reference') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

with_reference as (

    select
        periods.*,
        indicator_reference.unit,
        coalesce(indicator_reference.direction, 'unknown') as direction
    from periods
    left join indicator_reference
        on periods.indicator = indicator_reference.indicator

),

compared as (

    select
        *,
        case
            when target_value is null then null
            when actual_value is not null
                and measure_period_start = target_period_start
                and measure_period_end = target_period_end
                then 'actual'
            when actual_value is not null then 'actual_to_date'
            when forecast_value is not null then 'forecast'
        end as fulfilment_basis,
        {{ indicator_meets_target(
            'coalesce(actual_value, forecast_value)',
            'target_value',
            'target_comparator',
            'direction'
        ) }} as is_fulfilled,
        case reported_assessment
            when 'Uppfyllt' then true
            when 'Ej uppfyllt' then false
        end as assessment_says_fulfilled
    from with_reference

),

ranked as (

    select
        *,
        row_number() over (
            partition by report_id, table_id, row_number
            order by is_fulfilled is null, measure_period_end desc, measure_period_start
        ) as comparison_rank
    from compared

),

final as (

    select
        ranked.report_id,
        reports.municipality,
        reports.municipality_code,
        ranked.table_id,
        ranked.row_number,
        ranked.table_layout,
        ranked.goal_area,
        ranked.strategic_goal,
        ranked.indicator,
        ranked.indicator_level,
        ranked.responsible_unit,
        ranked.unit,
        ranked.measure_period_start,
        ranked.measure_period_end,
        ranked.actual_value,
        ranked.actual_printed,
        ranked.forecast_value,
        ranked.forecast_printed,
        ranked.target_value,
        ranked.target_printed,
        ranked.target_comparator,
        ranked.target_period_start,
        ranked.target_period_end,
        ranked.direction,
        ranked.is_fulfilled,
        ranked.fulfilment_basis,
        ranked.comparison_rank = 1 and ranked.is_fulfilled is not null as is_latest_comparison,
        ranked.is_assessed_period,
        ranked.reported_assessment,
        ranked.reported_trend,
        case
            when ranked.is_fulfilled is not null
                and ranked.assessment_says_fulfilled is not null
                then ranked.is_fulfilled = ranked.assessment_says_fulfilled
        end as assessment_agrees,
        ranked.is_printed_as_percent,
        ranked.placement,
        ranked.label_line,
        ranked.source_line,
        ranked.target_source_line
    from ranked
    inner join reports
        on ranked.report_id = reports.report_id

)

select * from final
