{#- The month number (1-12) of a Swedish month name or abbreviation in `text`, else null. -#}
{% macro month_number(text) %}
    case regexp_extract(lower({{ text }}), '(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)', 1)
        when 'jan' then 1 when 'feb' then 2 when 'mar' then 3 when 'apr' then 4
        when 'maj' then 5 when 'jun' then 6 when 'jul' then 7 when 'aug' then 8
        when 'sep' then 9 when 'okt' then 10 when 'nov' then 11 when 'dec' then 12
    end
{% endmacro %}
