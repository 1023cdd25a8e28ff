{#- The indicator rules (macros/rules/indicator_rules.sql) on every report's indicators:
    one row per breach. A breach quarantines its report. -#}
with

breaches as (

    {{ indicator_rule_violations(ref('int_indicator_fulfilment')) }}

),

final as (

    select report_id, indicator, measure_period_end, source_line, rule, detail
    from breaches

)

select * from final
