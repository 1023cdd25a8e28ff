{#- Generic structural tests (dbt_utils cannot be installed here). -#}

{#- No two rows share the combination of `columns`. -#}
{% test unique_combination(model, columns) %}
    select {{ columns | join(', ') }}, count(*) as occurrences
    from {{ model }}
    group by {{ columns | join(', ') }}
    having count(*) > 1
{% endtest %}

{#- Every row of `model` has a matching row in `to` on all `columns`. -#}
{% test has_match_in(model, to, columns) %}
    select child.*
    from {{ model }} as child
    where not exists (
        select 1 from {{ to }} as parent
        where {% for column in columns %}
            parent.{{ column }} = child.{{ column }}{% if not loop.last %} and {% endif %}
        {% endfor %}
    )
{% endtest %}

{#- The model has no rows (for quality models whose rows are findings). -#}
{% test is_empty(model) %}
    select * from {{ model }}
{% endtest %}

{#- Every row got a value from a reviewed mapping seed; failures show the whole row, so the
    build names the report, table and header or label that needs a mapping. -#}
{% test is_mapped(model, column_name) %}
    select * from {{ model }} where {{ column_name }} is null
{% endtest %}

{#- Exactly one row (a table describing the build itself). -#}
{% test exactly_one_row(model) %}
    select count(*) as row_count from {{ model }} having count(*) <> 1
{% endtest %}

{#- Every row has exactly one of `columns` set (measures that must not share a column). -#}
{% test exactly_one_measure(model, columns) %}
    select *
    from {{ model }}
    where ({% for column in columns %}case when {{ column }} is not null then 1 else 0 end{% if not loop.last %} + {% endif %}{% endfor %}) <> 1
{% endtest %}
