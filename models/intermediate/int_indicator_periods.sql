{#-
    Indicator values pivoted to one row per report, table, indicator row and measurement
    period. A target belongs to its own period (`Mål 2025`: 2025) and is also set beside every
    outcome inside that period (`Utfall Aug 2025`: January-August 2025), so that an outcome so
    far can be held against the year's target. The report's assessment speaks of the target's
    period: it is kept on that row only, which exists even when no value is printed
    (`Inget värde angivet`).
-#}
with

indicator_values as (

    select * from {{ ref('int_indicator_values') }}

),

indicators as (

    select
        report_id,
        table_id,
        row_number,
        any_value(table_layout) as table_layout,
        any_value(goal_area) as goal_area,
        any_value(strategic_goal) as strategic_goal,
        any_value(indicator) as indicator,
        any_value(indicator_level) as indicator_level,
        any_value(responsible_unit) as responsible_unit,
        any_value(reported_assessment) as reported_assessment,
        any_value(reported_trend) as reported_trend,
        min(label_line) as label_line,
        min(source_line) as row_source_line,
        any_value(placement) as placement
    from indicator_values
    group by report_id, table_id, row_number

),

measured as (

    select
        report_id,
        table_id,
        row_number,
        period_start,
        period_end,
        any_value(value) filter (where value_role = 'actual') as actual_value,
        any_value(printed_text) filter (where value_role = 'actual') as actual_printed,
        any_value(source_line) filter (where value_role = 'actual') as actual_source_line,
        any_value(value) filter (where value_role = 'forecast') as forecast_value,
        any_value(printed_text) filter (where value_role = 'forecast') as forecast_printed,
        any_value(source_line) filter (where value_role = 'forecast') as forecast_source_line,
        bool_or(is_percent) as is_percent
    from indicator_values
    where value_role in ('actual', 'forecast') and not is_empty
    group by report_id, table_id, row_number, period_start, period_end

),

targets as (

    select
        report_id,
        table_id,
        row_number,
        period_start as target_period_start,
        period_end as target_period_end,
        value as target_value,
        printed_text as target_printed,
        target_comparator,
        is_percent as target_is_percent,
        source_line as target_source_line
    from indicator_values
    where value_role = 'target' and not is_empty

),

assessed_periods as (

    select distinct
        indicator_values.report_id,
        indicator_values.table_id,
        indicator_values.row_number,
        indicator_values.period_start,
        indicator_values.period_end,
        true as is_assessed_period
    from indicator_values
    where
        indicator_values.value_role = 'target'
        and (not indicator_values.is_empty or indicator_values.reported_assessment is not null)

),

periods as (

    select report_id, table_id, row_number, period_start, period_end from measured
    union
    select report_id, table_id, row_number, period_start, period_end from assessed_periods

),

targets_by_period as (

    -- every target whose period contains the period: its own, or the year's

    select
        periods.report_id,
        periods.table_id,
        periods.row_number,
        periods.period_start,
        periods.period_end,
        targets.* exclude (report_id, table_id, row_number),
        row_number() over (
            partition by
                periods.report_id,
                periods.table_id,
                periods.row_number,
                periods.period_start,
                periods.period_end
            order by targets.target_period_end - targets.target_period_start
        ) as narrowness_rank
    from periods
    inner join targets
        on periods.report_id = targets.report_id
        and periods.table_id = targets.table_id
        and periods.row_number = targets.row_number
        and targets.target_period_start <= periods.period_start
        and targets.target_period_end >= periods.period_end

),

period_targets as (

    -- the narrowest of them
    select * exclude (narrowness_rank)
    from targets_by_period
    where narrowness_rank = 1

),

final as (

    select
        report_id,
        table_id,
        row_number,
        indicators.table_layout,
        indicators.goal_area,
        indicators.strategic_goal,
        indicators.indicator,
        indicators.indicator_level,
        indicators.responsible_unit,
        period_start as measure_period_start,
        period_end as measure_period_end,
        measured.actual_value,
        measured.actual_printed,
        measured.forecast_value,
        measured.forecast_printed,
        period_targets.target_value,
        period_targets.target_printed,
        period_targets.target_comparator,
        period_targets.target_period_start,
        period_targets.target_period_end,
        coalesce(measured.is_percent, false) or coalesce(period_targets.target_is_percent, false)
            as is_printed_as_percent,
        coalesce(assessed_periods.is_assessed_period, false) as is_assessed_period,
        case when assessed_periods.is_assessed_period then indicators.reported_assessment end
            as reported_assessment,
        case when assessed_periods.is_assessed_period then indicators.reported_trend end
            as reported_trend,
        indicators.placement,
        indicators.label_line,
        coalesce(
            measured.actual_source_line,
            measured.forecast_source_line,
            period_targets.target_source_line,
            indicators.row_source_line
        ) as source_line,
        period_targets.target_source_line
    from periods
    inner join indicators using (report_id, table_id, row_number)
    left join measured using (report_id, table_id, row_number, period_start, period_end)
    left join period_targets using (report_id, table_id, row_number, period_start, period_end)
    left join assessed_periods using (report_id, table_id, row_number, period_start, period_end)

)

select * from final
