{#- The reports' own arithmetic rules for money tables, each a list of discrepancies. -#}

{% macro net_discrepancies(relation) %}
    {{ identity_discrepancies(
        relation,
        rule='net_equals_revenue_plus_cost',
        result="flow = 'net'",
        left="flow = 'revenue'",
        right="flow = 'cost'",
        operator='+',
        shared=['basis', 'scope'],
        rounding='rounding_tkr',
    ) }}
{% endmacro %}

{% macro budget_deviation_discrepancies(relation) %}
    {{ identity_discrepancies(
        relation,
        rule='budget_deviation_equals_actual_minus_budget',
        result="basis = 'budget_deviation' and scope = 'period'",
        left="basis = 'actual' and scope = 'period'",
        right="basis = 'budget' and scope = 'period'",
        operator='-',
        shared=['flow'],
        rounding='rounding_tkr',
    ) }}
{% endmacro %}

{% macro forecast_deviation_discrepancies(relation) %}
    {{ identity_discrepancies(
        relation,
        rule='forecast_deviation_equals_forecast_minus_budget',
        result="basis = 'forecast_deviation' and scope = 'full_year'",
        left="basis = 'forecast' and scope = 'full_year'",
        right="basis = 'budget' and scope = 'full_year'",
        operator='-',
        shared=['flow'],
        rounding='rounding_tkr',
    ) }}
{% endmacro %}

{% macro all_budget_discrepancies(relation) %}
    select * from ({{ sum_discrepancies(relation, 'amount_tkr', 'rounding_tkr') }})
    union all
    select * from ({{ net_discrepancies(relation) }})
    union all
    select * from ({{ budget_deviation_discrepancies(relation) }})
    union all
    select * from ({{ forecast_deviation_discrepancies(relation) }})
{% endmacro %}

{#- A discrepancy is known when the reviewed seed lists it with the same printed and expected
    values: a changed number, in the row or in its components, is not waved through. -#}
{% macro is_known_discrepancy(discrepancy, known) %}
    {{ known }}.report_id = {{ discrepancy }}.report_id
    and {{ known }}.table_id = {{ discrepancy }}.table_id
    and {{ known }}.row_label = {{ discrepancy }}.row_label
    and {{ known }}.rule = {{ discrepancy }}.rule
    and {{ known }}.column_header = {{ discrepancy }}.column_header
    and {{ known }}.printed_value = {{ discrepancy }}.printed_value
    and abs({{ known }}.expected_value - {{ discrepancy }}.expected_value) < 0.0001
{% endmacro %}

{#- Discrepancies of the published reports not listed in the reviewed seed: what the rule
    tests find. A quarantined report's are listed in dq_quarantined_reports instead; with
    quarantine_reports false every report is published and any breach fails its test. -#}
{% macro unreviewed(discrepancies_sql) %}
    select discrepancy.*
    from ({{ discrepancies_sql }}) as discrepancy
    where not exists (
        select 1
        from {{ ref('known_source_discrepancies') }} as known
        where {{ is_known_discrepancy('discrepancy', 'known') }}
    )
        and discrepancy.report_id in (
            select published.report_id from {{ ref('int_published_reports') }} as published
        )
{% endmacro %}
