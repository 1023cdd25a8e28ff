{#- The placement tables' own arithmetic: rows add up to Totalt; deviations follow the
    table's sign convention (deviation_rule in placement_column_map). -#}
{% macro placement_discrepancies(relation) %}
    select * from ({{ sum_discrepancies(relation, 'value') }})
    union all
    select * from ({{ convention_deviation_discrepancies(relation, 'value') }})
{% endmacro %}
