{#-
    The smaller tables' own arithmetic: rows add up to Summa / Total Summa; investment
    deviation = forecast - budget; assignments in all = on plan + deviating (exact: counts
    are not rounded); hours per person = hours / persons (within 1 hour); a varav row never
    exceeds its row; sums the text states on a cited line (prose_cross_checks); rows bounded
    by another row (row_bounds).
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

    prose_checks as (

        -- Sums of cells that the report's text states on a cited line (reviewed seed).
        select
            cells.report_id,
            cells.table_id,
            cells.row_number,
            cells.row_label,
            'sum_matches_text_on_line_' || checks.source_line as rule,
            min(cells.column_number) as column_number,
            string_agg(cells.column_header, ' + ' order by cells.column_number) as column_header,
            max(checks.stated_value) as expected_value,
            sum(coalesce(cells.value, 0)) as printed_value,
            max(checks.tolerance) as tolerance,
            max(cells.source_line) as source_line
        from {{ ref('prose_cross_checks') }} as checks
        inner join {{ relation }} as cells
            on checks.report_id = cells.report_id
            and checks.table_family = cells.table_family
            and checks.row_label = cells.row_label
            and list_contains(string_split(checks.column_keys, '+'), cells.column_key)
        group by cells.report_id, cells.table_id, cells.row_number, cells.row_label,
            checks.source_line
        having abs(sum(coalesce(cells.value, 0)) - max(checks.stated_value))
            > max(checks.tolerance)

    ),

    bounded as (

        -- A row that cannot exceed another row of its table, column by column (reviewed
        -- seed row_bounds).
        select
            cells.report_id,
            cells.table_id,
            cells.row_number,
            cells.row_label,
            'row_not_above_' || bounds.bound_row_label as rule,
            cells.column_number,
            cells.column_header,
            bound.value as expected_value,
            cells.value as printed_value,
            0 as tolerance,
            cells.source_line
        from {{ ref('row_bounds') }} as bounds
        inner join {{ relation }} as cells
            on bounds.table_family = cells.table_family
            and bounds.row_label = cells.row_label
        inner join {{ relation }} as bound
            on cells.report_id = bound.report_id
            and cells.table_id = bound.table_id
            and cells.column_number = bound.column_number
            and bound.row_label = bounds.bound_row_label
        where cells.value > bound.value

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
        select * from prose_checks
        union all
        select * from bounded
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
