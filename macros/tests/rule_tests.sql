{#- Generic tests: each fails with one row per unreviewed breach of a report's own rule. -#}

{% test rows_add_up_to_totals(model, value='amount_tkr') %}
    {{ unreviewed(sum_discrepancies(model, value)) }}
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

{% test report_measure_rules_hold(model) %}
    {{ unreviewed(report_measure_discrepancies(model)) }}
{% endtest %}

{% test sick_leave_rules_hold(model) %}
    {{ unreviewed(sick_leave_discrepancies(model)) }}
{% endtest %}

{% test indicator_rules_hold(model) %}
    {{ indicator_rule_violations(model) }}
{% endtest %}

{% test status_items_match_summary(model) %}
    {{ status_summary_discrepancies(model) }}
{% endtest %}
