{#- What one printed unit is in tkr: mkr (mnkr) 1000, kr 0.001, tkr (or none) 1. -#}
{% macro tkr_factor(unit) %}
    case {{ unit }} when 'mkr' then 1000 when 'kr' then 0.001 else 1 end
{% endmacro %}
