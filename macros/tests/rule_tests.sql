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

{#- A misprinted cell's consistent amount is the value its named rule gives it (in tkr);
    a cell that breaks no rule keeps its printed amount. -#}
{% test consistent_amount_is_its_rules_value(model) %}
    with

    facts as (

        select * from {{ model }}

    ),

    breaches as (

        select * from {{ ref('int_table_discrepancies') }}

    ),

    checked as (

        select
            facts.report_id,
            facts.table_id,
            facts.row_label,
            facts.column_header,
            facts.amount_tkr,
            facts.amount_tkr_consistent,
            facts.consistency_rule,
            breaches.expected_value * {{ tkr_factor('facts.printed_unit') }} as rule_value
        from facts
        left join breaches
            on facts.report_id = breaches.report_id
            and facts.table_id = breaches.table_id
            and facts.row_number = breaches.row_number
            and facts.column_number = breaches.column_number
            and facts.consistency_rule = breaches.rule

    )

    select * from checked
    where (consistency_rule is null and amount_tkr_consistent is distinct from amount_tkr)
        or (consistency_rule is not null and amount_tkr_consistent is distinct from rule_value)
{% endtest %}

{#- Every sick-leave figure of the mart is the cell (or the reviewed prose figure) it
    cites, in the one column its absence kind belongs in: the rules check the cells, this
    checks that the mart shows them. -#}
{% test sick_leave_figures_are_their_sources(model) %}
    with

    facts as (

        select * from {{ model }}

    ),

    cells as (

        select * from {{ ref('int_sick_leave_measures') }}

    ),

    prose as (

        select * from {{ ref('sick_leave_prose') }}

    ),

    checked as (

        select
            facts.report_id,
            facts.org_unit_key,
            facts.gender,
            facts.absence_kind,
            facts.source_line,
            case when facts.absence_kind = 'long_share'
                then facts.long_term_share_pct else facts.sick_leave_pct end as shown,
            coalesce(cells.value, prose.sick_leave_pct) as cited
        from facts
        left join cells
            on facts.source_kind = 'table'
            and facts.report_id = cells.report_id
            and facts.table_id = cells.table_id
            and facts.org_unit = cells.org_unit
            and facts.org_unit_code is not distinct from cells.org_unit_code
            and facts.gender = cells.gender
            and facts.absence_kind = cells.absence_kind
            and facts.reference_period_start = cells.reference_period_start
            and facts.reference_period_end = cells.reference_period_end
        left join prose
            on facts.source_kind = 'prose'
            and facts.report_id = prose.report_id
            and facts.source_line = prose.source_line
            and facts.org_unit = prose.org_unit
            and facts.gender = prose.gender
            and facts.absence_kind = prose.absence_kind
            and facts.reference_period_start = prose.reference_period_start

    )

    select * from checked
    where shown is distinct from cited
{% endtest %}
