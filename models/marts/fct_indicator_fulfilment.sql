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

final as (

    select
        compared.report_id,
        reports.municipality,
        reports.municipality_code,
        compared.table_id,
        compared.row_number,
        compared.table_layout,
        compared.goal_area,
        compared.strategic_goal,
        compared.indicator,
        compared.indicator_level,
        compared.responsible_unit,
        compared.unit,
        compared.measure_period_start,
        compared.measure_period_end,
        compared.actual_value,
        compared.actual_printed,
        compared.forecast_value,
        compared.forecast_printed,
        compared.target_value,
        compared.target_printed,
        compared.target_comparator,
        compared.target_period_start,
        compared.target_period_end,
        compared.direction,
        compared.is_fulfilled,
        compared.fulfilment_basis,
        compared.is_assessed_period,
        compared.reported_assessment,
        compared.reported_trend,
        case
            when compared.is_fulfilled is not null
                and compared.assessment_says_fulfilled is not null
                then compared.is_fulfilled = compared.assessment_says_fulfilled
        end as assessment_agrees,
        compared.is_printed_as_percent,
        compared.placement,
        compared.label_line,
        compared.source_line,
        compared.target_source_line
    from compared
    inner join reports
        on compared.report_id = reports.report_id

)

select * from final
