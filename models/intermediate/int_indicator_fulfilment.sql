{#-
    Indicators against their targets, for every report (the fact keeps the published ones):
    every outcome, target and forecast per measurement period, with unit and direction from
    the reviewed seed indicator_reference, joined on the indicator's key (what does not
    change from year to year), and fulfilment computed from the numbers. An indicator the
    seed does not know yet is kept: its unit is `percent` when printed with %, its direction
    the printed comparator's (`>=80%`) or its wording's (`ska sjunka`, `öka`, `minst`), else
    null, and then nothing is computed; dq_unreviewed_indicators lists it.
-#}
with

periods as (

    select * from {{ ref('int_indicator_periods') }}

),

indicator_reference as (

    select * from {{ ref('stg_indicator_reference') }}

),

wordings as (

    select distinct indicator from periods

),

keyed_wordings as (

    {#- the regular expressions once per wording, not once per report and period -#}
    select
        indicator,
        {{ indicator_key('indicator') }} as indicator_key,
        {{ direction_from_wording('indicator') }} as wording_direction
    from wordings

),

keyed as (

    select
        periods.*,
        keyed_wordings.indicator_key,
        keyed_wordings.wording_direction
    from periods
    left join keyed_wordings
        on periods.indicator = keyed_wordings.indicator

),

with_reference as (

    select
        keyed.*,
        indicator_reference.indicator_key is not null as is_reviewed,
        coalesce(
            indicator_reference.unit, case when keyed.is_printed_as_percent then 'percent' end
        ) as unit,
        case
            when indicator_reference.direction is not null then indicator_reference.direction
            when keyed.target_comparator in ('>', '>=') then 'higher_is_better'
            when keyed.target_comparator in ('<', '<=') then 'lower_is_better'
            else keyed.wording_direction
        end as direction,
        case
            when indicator_reference.direction is not null then 'reviewed'
            when keyed.target_comparator in ('>', '>=', '<', '<=') then 'comparator'
            when keyed.wording_direction is not null then 'wording'
        end as direction_source
    from keyed
    left join indicator_reference
        on keyed.indicator_key = indicator_reference.indicator_key

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
        report_id,
        table_id,
        row_number,
        table_layout,
        goal_area,
        strategic_goal,
        indicator,
        indicator_key,
        is_reviewed,
        indicator_level,
        responsible_unit,
        unit,
        measure_period_start,
        measure_period_end,
        actual_value,
        actual_printed,
        forecast_value,
        forecast_printed,
        target_value,
        target_printed,
        target_comparator,
        target_period_start,
        target_period_end,
        direction,
        direction_source,
        is_fulfilled,
        fulfilment_basis,
        comparison_rank = 1 and is_fulfilled is not null as is_latest_comparison,
        is_assessed_period,
        reported_assessment,
        reported_trend,
        case
            when is_fulfilled is not null and assessment_says_fulfilled is not null
                then is_fulfilled = assessment_says_fulfilled
        end as assessment_agrees,
        is_printed_as_percent,
        placement,
        label_line,
        source_line,
        target_source_line
    from ranked

)

select * from final
