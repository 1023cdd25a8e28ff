{#-
    Rows where three measures of the same table row break an identity
    result = left <operator> right, e.g. net = revenue + cost or
    budget_deviation = actual - budget. Each side is picked by a SQL predicate on
    (flow, basis, scope); `shared` names the columns the three measures must have in
    common (flow for deviations, basis and scope for net). An empty cell counts as 0. The
    tolerance is identity_tolerance units of the coarsest printed precision among the three
    (`rounding`, a column), or `tolerance` where given.
-#}
{% macro identity_discrepancies(
    relation, rule, result, left, right, operator, shared, value='amount_tkr', tolerance=none,
    rounding=none
) %}
    with

    amounts as (

        select * from {{ relation }}

    ),

    result_side as (

        select * from amounts where {{ result }}

    ),

    left_side as (

        select * from amounts where {{ left }}

    ),

    right_side as (

        select * from amounts where {{ right }}

    ),

    compared as (

        select
            result_side.report_id,
            result_side.table_id,
            result_side.row_number,
            result_side.row_label,
            '{{ rule }}' as rule,
            result_side.column_number,
            result_side.column_header,
            coalesce(left_side.{{ value }}, 0) {{ operator }} coalesce(right_side.{{ value }}, 0)
                as expected_value,
            coalesce(result_side.{{ value }}, 0) as printed_value,
            {% if tolerance is not none -%}
            {{ tolerance }}
            {%- elif rounding -%}
            {{ var('identity_tolerance') }} * greatest(
                result_side.{{ rounding }}, left_side.{{ rounding }}, right_side.{{ rounding }}
            )
            {%- else -%}
            {{ var('identity_tolerance') }}
            {%- endif %} as tolerance,
            result_side.source_line
        from result_side
        inner join left_side
            on result_side.report_id = left_side.report_id
            and result_side.table_id = left_side.table_id
            and result_side.row_number = left_side.row_number
            {% for column in shared %}
            and result_side.{{ column }} = left_side.{{ column }}
            {% endfor %}
        inner join right_side
            on result_side.report_id = right_side.report_id
            and result_side.table_id = right_side.table_id
            and result_side.row_number = right_side.row_number
            {% for column in shared %}
            and result_side.{{ column }} = right_side.{{ column }}
            {% endfor %}

    )

    select * from compared
    where abs(printed_value - expected_value) > tolerance
{% endmacro %}
