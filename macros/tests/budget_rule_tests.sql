{#- Generic tests: each fails with one row per unreviewed breach of a report's own rule. -#}

{% test rows_add_up_to_totals(model) %}
    {{ unreviewed(sum_discrepancies(model)) }}
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
