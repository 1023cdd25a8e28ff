{#-
    A column header as a reviewed-map key: lower case; the report's own year as {y}, the
    years before as {y-1} and {y-2}; a month range as {m} (`jan - aug`), {months}
    (`jan-apr`) or {monthrange} (`januari-april`); a month on its own as {mon} (`jan`,
    `prel feb`); a forecast number as {n} (`prognos 4`). The next report of a family then
    maps without a new seed row.
-#}
{% macro header_key(header, report_year) %}
    {%- set month = '(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)' -%}
    {%- set mon = '(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)' -%}
    regexp_replace(
    regexp_replace(
    regexp_replace(
    regexp_replace(
        regexp_replace(
            replace(
                replace(
                    replace(lower({{ header }}), cast({{ report_year }} as varchar), '{y}'),
                    cast({{ report_year }} - 1 as varchar),
                    '{y-1}'
                ),
                cast({{ report_year }} - 2 as varchar),
                '{y-2}'
            ),
            'jan - [a-zåäö]+',
            'jan - {m}'
        ),
        '\b{{ month }}-{{ month }}\b',
        '{monthrange}'
    ),
        '\b[a-zåäö]{3}-[a-zåäö]{3}\b',
        '{months}'
    ),
        '^(prel )?{{ mon }}$',
        '\1{mon}'
    ),
        '^prognos [0-9]+$',
        'prognos {n}'
    )
{% endmacro %}

{#- The month number (1-12) of a Swedish month name or abbreviation in `text`, else null. -#}
{% macro month_number(text) %}
    case regexp_extract(lower({{ text }}), '(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)', 1)
        when 'jan' then 1 when 'feb' then 2 when 'mar' then 3 when 'apr' then 4
        when 'maj' then 5 when 'jun' then 6 when 'jul' then 7 when 'aug' then 8
        when 'sep' then 9 when 'okt' then 10 when 'nov' then 11 when 'dec' then 12
    end
{% endmacro %}
