{#-
    A column header as a reviewed-map key: lower case, the report's own year as {y} and the
    year before as {y-1}, a month range as {m} (`jan - aug`) or {months} (`jan-apr`), and a
    forecast number as {n} (`prognos 4`). The next report of a family then maps without a
    new seed row.
-#}
{% macro header_key(header, report_year) %}
    regexp_replace(
        regexp_replace(
            regexp_replace(
                replace(
                    replace(lower({{ header }}), cast({{ report_year }} as varchar), '{y}'),
                    cast({{ report_year }} - 1 as varchar),
                    '{y-1}'
                ),
                'jan - [a-zåäö]+',
                'jan - {m}'
            ),
            '\b[a-zåäö]{3}-[a-zåäö]{3}\b',
            '{months}'
        ),
        '^prognos [0-9]+$',
        'prognos {n}'
    )
{% endmacro %}
