{#-
    The smaller tables' own arithmetic: rows add up to Summa / Total Summa; investment
    deviation = forecast - budget; assignments in all = on plan + deviating (exact: counts
    are not rounded); hours per person = hours / persons (within 1 hour); a varav row never
    exceeds its row.
-#}
{% macro report_measure_discrepancies(relation) %}
    with

    personal_assistance as (

        select * from {{ relation }}
        where table_family = 'personal_assistance' and value is not null

    ),

    hours_per_person as (

        -- Hours per person and month = granted hours / persons, for the same year and tertial,
        -- within 1 hour (persons are printed to 0,1, hours per person to whole hours).
        select
            ratio.report_id,
            ratio.table_id,
            ratio.row_number,
            ratio.row_label,
            'hours_per_person_equals_hours_over_persons' as rule,
            ratio.column_number,
            ratio.column_header,
            hours.value / persons.value as expected_value,
            ratio.value as printed_value,
            1 as tolerance,
            ratio.source_line
        from personal_assistance as ratio
        inner join personal_assistance as hours
            on ratio.report_id = hours.report_id
            and ratio.row_label = hours.row_label
            and ratio.column_key = hours.column_key
            and hours.table_measure = 'granted_hours'
        inner join personal_assistance as persons
            on ratio.report_id = persons.report_id
            and ratio.row_label = persons.row_label
            and ratio.column_key = persons.column_key
            and persons.table_measure = 'persons'
        where ratio.table_measure = 'hours_per_person_month'
            and abs(ratio.value - hours.value / persons.value) > 1

    ),

    discrepancies as (

        select * from ({{ sum_discrepancies(relation, 'value') }})
        union all
        select * from ({{ identity_discrepancies(
            relation, rule='deviation_equals_forecast_minus_budget',
            result="column_key = 'year_deviation'", left="column_key = 'year_forecast'",
            right="column_key = 'year_budget'", operator='-', shared=[], value='value') }})
        union all
        select * from ({{ identity_discrepancies(
            relation, rule='deviation_equals_forecast_minus_budget',
            result="column_key = 'total_deviation'", left="column_key = 'total_forecast'",
            right="column_key = 'total_budget'", operator='-', shared=[], value='value') }})
        union all
        select * from hours_per_person
        union all
        select * from ({{ varav_discrepancies(relation, 'value') }})
        union all
        select * from ({{ identity_discrepancies(
            relation, rule='total_equals_on_plan_plus_deviating',
            result="column_key = 'total'", left="column_key = 'on_plan'",
            right="column_key = 'deviating_from_plan'", operator='+', shared=[], value='value',
            tolerance=0) }})

    )

    select * from discrepancies
{% endmacro %}
