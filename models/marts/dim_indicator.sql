{#-
    The indicators the reports follow up, one row per indicator key (the name without what
    changes from year to year): the reviewed unit and direction with their evidence, or, for
    an indicator not reviewed yet, what its printing says (is_reviewed false).
-#}
with

indicator_reference as (

    select * from {{ ref('stg_indicator_reference') }}

),

fulfilment as (

    select * from {{ ref('fct_indicator_fulfilment') }}

),

usage as (

    select
        indicator_key,
        arg_max(indicator, measure_period_end) as latest_indicator,
        any_value(unit) as printed_unit,
        any_value(direction) as printed_direction,
        any_value(direction_source) as printed_direction_source,
        count(distinct report_id) as report_count,
        min(measure_period_start) as first_period_start,
        max(measure_period_end) as last_period_end
    from fulfilment
    group by indicator_key

),

reviewed as (

    select
        indicator_reference.indicator_key,
        indicator_reference.indicator,
        true as is_reviewed,
        indicator_reference.unit,
        indicator_reference.direction,
        indicator_reference.justification as direction_evidence,
        coalesce(usage.report_count, 0) as report_count,
        usage.first_period_start,
        usage.last_period_end
    from indicator_reference
    left join usage on indicator_reference.indicator_key = usage.indicator_key

),

not_reviewed as (

    select
        usage.indicator_key,
        usage.latest_indicator as indicator,
        false as is_reviewed,
        usage.printed_unit as unit,
        usage.printed_direction as direction,
        'not in indicator_reference yet; direction from its '
            || coalesce(usage.printed_direction_source, 'printing: none') as direction_evidence,
        usage.report_count,
        usage.first_period_start,
        usage.last_period_end
    from usage
    where usage.indicator_key not in (
        select indicator_reference.indicator_key from indicator_reference
    )

),

final as (

    select * from reviewed
    union all
    select * from not_reviewed

)

select * from final
