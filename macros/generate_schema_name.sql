{#- Use the configured schema name as is (`marts`, not `main_marts`): analysts and BI tools
    query `marts.fct_budget_outcome`. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {{ (custom_schema_name or target.schema) | trim }}
{%- endmacro %}
