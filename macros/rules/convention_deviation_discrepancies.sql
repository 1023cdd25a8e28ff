{#-
    Deviation cells that disagree with their operands under the table's own sign
    convention, recorded per column in the reviewed mapping (deviation_rule):
    budget_minus_actual, actual_minus_budget, budget_minus_forecast, forecast_minus_budget.
    Volume tables print budget - actual where money tables print actual - budget.
-#}
{% macro convention_deviation_discrepancies(relation, value='value') %}
    with

    measures as (

        select * from {{ relation }}

    ),

    operands as (

        select
            report_id,
            table_id,
            row_number,
            scope,
            max(case when basis = 'actual' then coalesce({{ value }}, 0) end) as actual,
            max(case when basis = 'budget' then coalesce({{ value }}, 0) end) as budget,
            max(case when basis = 'forecast' then coalesce({{ value }}, 0) end) as forecast
        from measures
        group by report_id, table_id, row_number, scope

    ),

    deviations as (

        select * from measures where deviation_rule is not null

    ),

    compared as (

        select
            deviations.report_id,
            deviations.table_id,
            deviations.row_number,
            deviations.row_label,
            'deviation_equals_' || deviations.deviation_rule as rule,
            deviations.column_number,
            deviations.column_header,
            case deviations.deviation_rule
                when 'budget_minus_actual' then operands.budget - operands.actual
                when 'actual_minus_budget' then operands.actual - operands.budget
                when 'budget_minus_forecast' then operands.budget - operands.forecast
                when 'forecast_minus_budget' then operands.forecast - operands.budget
            end as expected_value,
            coalesce(deviations.{{ value }}, 0) as printed_value,
            {{ var('identity_tolerance') }} as tolerance,
            deviations.source_line
        from deviations
        inner join operands
            on deviations.report_id = operands.report_id
            and deviations.table_id = operands.table_id
            and deviations.row_number = operands.row_number
            and deviations.scope = operands.scope

    )

    select * from compared
    where expected_value is null or abs(printed_value - expected_value) > tolerance
{% endmacro %}
