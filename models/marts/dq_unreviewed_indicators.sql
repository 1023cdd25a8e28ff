{#-
    Indicators a published report prints that the reviewed seed indicator_reference does not
    know yet: published with the unit and direction their printing gives (or none, and then
    no fulfilment is computed). A finding that says what to add to the seed, never a failed
    build: suggested_seed_line is a line for indicator_reference.csv to review and complete.
-#}
with

fulfilment as (

    select * from {{ ref('fct_indicator_fulfilment') }}

),

not_reviewed as (

    select
        report_id,
        indicator_key,
        any_value(indicator) as indicator,
        any_value(unit) as inferred_unit,
        any_value(direction) as inferred_direction,
        any_value(direction_source) as direction_source,
        count(target_value) > 0 as has_target,
        min(source_line) as source_line
    from fulfilment
    where not is_reviewed
    group by report_id, indicator_key

),

final as (

    select
        report_id,
        indicator,
        indicator_key,
        inferred_unit,
        inferred_direction,
        direction_source,
        has_target,
        source_line,
        '"' || replace(indicator, '"', '""') || '",'
            || coalesce(inferred_unit, '?') || ','
            || coalesce(inferred_direction, '?') || ','
            || '"(why: review the printing on line ' || source_line || ')"'
            as suggested_seed_line
    from not_reviewed

)

select * from final
