{#-
    An indicator as a key that next year's printing of it meets: lower case, dashes unified,
    and what changes from year to year dropped: years, month-and-year dates (`dec 2025`) and
    target values written into the name (`målvärde 95 dgr` → `målvärde`); spaces and a
    closing full stop normalised.
-#}
{% macro indicator_key(indicator) %}
    rtrim(trim(regexp_replace(
        regexp_replace(
            regexp_replace(
                regexp_replace(
                    regexp_replace(lower({{ indicator }}), '[–—]', '-', 'g'),
                    '(målvärde|mål)\s*[<>=]*\s*[0-9]+([,.][0-9]+)?\s*(%|dgr|dagar|st|tkr|mnkr|mkr|kr)?',
                    '\1',
                    'g'
                ),
                '\b(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?\s+(19|20)[0-9]{2}\b',
                '',
                'g'
            ),
            '\b(19|20)[0-9]{2}\b',
            '',
            'g'
        ),
        '\s+',
        ' ',
        'g'
    )), '. ')
{% endmacro %}

{#-
    The direction an indicator's own wording gives: `ska sjunka`, `minska`, `lägre`, `högst`,
    `färre` → lower_is_better; `öka`, `höja`, `högre`, `minst`, `fler` → higher_is_better;
    null when it says neither or both.
-#}
{% macro direction_from_wording(indicator) %}
    {%- set lower_words = "regexp_matches(lower(" ~ indicator ~ "), '(^|[^a-zåäö])(sjunk|minsk|sänk|lägre|högst|färre|reducer)')" -%}
    {%- set higher_words = "regexp_matches(lower(" ~ indicator ~ "), '(^|[^a-zåäö])(ök|höj|högre|minst|fler|förbättr)')" -%}
    case
        when {{ lower_words }} and not {{ higher_words }} then 'lower_is_better'
        when {{ higher_words }} and not {{ lower_words }} then 'higher_is_better'
    end
{% endmacro %}
