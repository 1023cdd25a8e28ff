{#-
    Indicators against their targets, for the published reports: every outcome, target and
    forecast the reports print, per measurement period, with unit and direction (reviewed,
    or inferred for an indicator the seed does not know yet), fulfilment computed from the
    numbers, and the report's own assessment beside it.
-#}
with

fulfilment as (

    select * from {{ ref('int_indicator_fulfilment') }}

),

reports as (

    select * from {{ ref('int_published_reports') }}

),

final as (

    select
        fulfilment.report_id,
        reports.municipality,
        reports.municipality_code,
        fulfilment.table_id,
        fulfilment.row_number,
        fulfilment.table_layout,
        fulfilment.goal_area,
        fulfilment.strategic_goal,
        fulfilment.indicator,
        fulfilment.indicator_key,
        fulfilment.is_reviewed,
        fulfilment.indicator_level,
        fulfilment.responsible_unit,
        fulfilment.unit,
        fulfilment.measure_period_start,
        fulfilment.measure_period_end,
        fulfilment.actual_value,
        fulfilment.actual_printed,
        fulfilment.forecast_value,
        fulfilment.forecast_printed,
        fulfilment.target_value,
        fulfilment.target_printed,
        fulfilment.target_comparator,
        fulfilment.target_period_start,
        fulfilment.target_period_end,
        fulfilment.direction,
        fulfilment.direction_source,
        fulfilment.is_fulfilled,
        fulfilment.fulfilment_basis,
        fulfilment.is_latest_comparison,
        fulfilment.is_assessed_period,
        fulfilment.reported_assessment,
        fulfilment.reported_trend,
        fulfilment.assessment_agrees,
        fulfilment.is_printed_as_percent,
        fulfilment.placement,
        fulfilment.label_line,
        fulfilment.source_line,
        fulfilment.target_source_line
    from fulfilment
    inner join reports on fulfilment.report_id = reports.report_id

)

select * from final
