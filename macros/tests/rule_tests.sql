{#- Generic tests: each fails with one row per unreviewed breach of a report's own rule. -#}

{% test rows_add_up_to_totals(model, value='amount_tkr', rounding=none) %}
    {{ unreviewed(sum_discrepancies(model, value, rounding)) }}
{% endtest %}

{% test deviations_follow_their_convention(model, value='value') %}
    {{ unreviewed(convention_deviation_discrepancies(model, value)) }}
{% endtest %}

{% test net_equals_revenue_plus_cost(model) %}
    {{ unreviewed(net_discrepancies(model)) }}
{% endtest %}

{% test budget_deviation_equals_actual_minus_budget(model) %}
    {{ unreviewed(budget_deviation_discrepancies(model)) }}
{% endtest %}

{% test forecast_deviation_equals_forecast_minus_budget(model) %}
    {{ unreviewed(forecast_deviation_discrepancies(model)) }}
{% endtest %}

{#- No breach of a table's own arithmetic that no reviewed entry explains reaches a
    published report (every family and the generic tables; model: dq_source_discrepancies).
    With quarantine_reports false nothing is quarantined, so any breach fails here. -#}
{% test publishes_no_unreviewed_breach(model) %}
    select * from {{ model }}
    where not is_known
        and report_id in (
            select published.report_id from {{ ref('int_published_reports') }} as published
        )
{% endtest %}

{% test indicator_rules_hold(model) %}
    {{ indicator_rule_violations(model) }}
{% endtest %}

{% test status_items_match_summary(model) %}
    {{ status_summary_discrepancies(model, ref('fct_assignment_counts')) }}
{% endtest %}
