{#-
    Indicator fulfilment and the rules an indicator row must keep.

    A value meets its target by the comparator printed with the target (`>=80%`, `<7%`,
    `+/- 15mkr`: at most 15 either way), else by the indicator's reviewed direction.
-#}
{% macro indicator_meets_target(value, target, comparator, direction) %}
    case
        when {{ value }} is null or {{ target }} is null then null
        when {{ comparator }} = '>' then {{ value }} > {{ target }}
        when {{ comparator }} = '>=' then {{ value }} >= {{ target }}
        when {{ comparator }} = '<' then {{ value }} < {{ target }}
        when {{ comparator }} = '<=' then {{ value }} <= {{ target }}
        when {{ comparator }} = '+/-' then abs({{ value }}) <= {{ target }}
        when {{ direction }} = 'higher_is_better' then {{ value }} >= {{ target }}
        when {{ direction }} = 'lower_is_better' then {{ value }} <= {{ target }}
    end
{% endmacro %}

{#-
    Rows of an indicator fact that break a rule, one row per breach: shares within 0-100;
    a target of a reviewed indicator has a direction (an indicator not reviewed yet is a
    finding, dq_unreviewed_indicators); the printed comparator agrees with the direction; a value
    printed with `%` has a percent unit and a percent unit is printed with `%`; values the
    text restates on a cited line (seed indicator_prose_checks) equal the table's; a share
    equals its part over its whole (seed indicator_ratio_checks) in the same period.
-#}
{% macro indicator_rule_violations(relation) %}
    with

    facts as (

        select * from {{ relation }}

    ),

    prose_checks as (

        -- only for the reports whose indicators are checked here (a quarantined report has
        -- none in the fact)
        select * from {{ ref('indicator_prose_checks') }}
        where report_id in (select facts.report_id from facts)

    ),

    ratio_checks as (

        select * from {{ ref('indicator_ratio_checks') }}

    ),

    shares_out_of_range as (

        select
            report_id, indicator, measure_period_end, source_line,
            'share_within_0_100' as rule,
            concat_ws(' / ', actual_value, forecast_value, target_value) as detail
        from facts
        where unit = 'percent'
            and (
                actual_value not between 0 and 100
                or forecast_value not between 0 and 100
                or target_value not between 0 and 100
            )

    ),

    targets_without_direction as (

        select
            report_id, indicator, measure_period_end, source_line,
            'target_has_direction' as rule,
            target_printed as detail
        from facts
        where target_value is not null and is_reviewed and direction = 'unknown'

    ),

    comparators_against_direction as (

        select
            report_id, indicator, measure_period_end, source_line,
            'comparator_agrees_with_direction' as rule,
            target_comparator || ' but ' || direction as detail
        from facts
        where (target_comparator in ('>', '>=') and direction != 'higher_is_better')
            or (target_comparator in ('<', '<=') and direction != 'lower_is_better')

    ),

    units_against_print as (

        select
            report_id, indicator, measure_period_end, source_line,
            'percent_sign_matches_unit' as rule,
            unit || case when is_printed_as_percent then ' printed with %' else ' without %' end
                as detail
        from facts
        where (is_printed_as_percent and unit not in ('percent', 'percent_change'))
            or (
                not is_printed_as_percent
                and unit in ('percent', 'percent_change')
                and coalesce(actual_value, forecast_value, target_value) is not null
            )

    ),

    restated_against_table as (

        select
            prose_checks.*,
            case prose_checks.value_role
                when 'actual' then facts.actual_value
                when 'forecast' then facts.forecast_value
                when 'target' then facts.target_value
            end as table_value
        from prose_checks
        left join facts
            on prose_checks.report_id = facts.report_id
            and prose_checks.indicator = facts.indicator
            and prose_checks.period_end = facts.measure_period_end
            and (prose_checks.value_role != 'target' or facts.is_assessed_period)

    ),

    restated_values as (

        select
            report_id, indicator, period_end as measure_period_end, source_line,
            'text_restates_value' as rule,
            'text ' || stated_value || ', table ' || coalesce(cast(table_value as varchar), 'nothing')
                as detail
        from restated_against_table
        where table_value is null or abs(table_value - stated_value) > tolerance

    ),

    shares_against_parts as (

        select
            share.report_id,
            share.indicator,
            share.measure_period_end,
            share.source_line,
            'share_equals_part_over_whole' as rule,
            'printed ' || share.actual_value || ', ' || part.actual_value || ' / '
                || whole.actual_value || ' = '
                || round(100 * part.actual_value / whole.actual_value, 2) as detail
        from ratio_checks
        inner join facts as share
            on {{ indicator_key('ratio_checks.share_indicator') }} = share.indicator_key
        inner join facts as part
            on {{ indicator_key('ratio_checks.part_indicator') }} = part.indicator_key
            and share.report_id = part.report_id
            and share.measure_period_start = part.measure_period_start
            and share.measure_period_end = part.measure_period_end
        inner join facts as whole
            on {{ indicator_key('ratio_checks.whole_indicator') }} = whole.indicator_key
            and share.report_id = whole.report_id
            and share.measure_period_start = whole.measure_period_start
            and share.measure_period_end = whole.measure_period_end
        where whole.actual_value > 0
            and abs(share.actual_value - 100 * part.actual_value / whole.actual_value)
                > ratio_checks.tolerance

    ),

    final as (

        select * from shares_out_of_range
        union all
        select * from targets_without_direction
        union all
        select * from comparators_against_direction
        union all
        select * from units_against_print
        union all
        select * from restated_values
        union all
        select * from shares_against_parts

    )

    select * from final
{% endmacro %}
