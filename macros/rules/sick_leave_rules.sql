{#-
    The sick-leave tables' own arithmetic, where the columns it needs are printed:
    short + long = total (within 0,02, two rounded decimals); the long-term share =
    long / total x 100 (within what rounding long and total to 0,01 allows); a total
    between the women's and the men's figures (within 0,01); every figure a percentage
    (0-100).
-#}
{% macro sick_leave_discrepancies(relation) %}
    with

    cells as (

        select * from {{ relation }}

    ),

    by_unit as (

        select
            report_id,
            table_id,
            row_number,
            max(row_label) as row_label,
            max(source_line) as source_line,
            max(case when gender = 'T' and absence_kind = 'total' then value end) as total,
            max(case when gender = 'T' and absence_kind = 'short' then value end) as short,
            max(case when gender = 'T' and absence_kind = 'long' then value end) as long,
            max(case when gender = 'T' and absence_kind = 'long_share' then value end)
                as long_share,
            max(case when gender = 'T' and absence_kind = 'total' then column_number end)
                as total_column,
            max(case when gender = 'T' and absence_kind = 'long_share' then column_number end)
                as long_share_column
        from cells
        group by report_id, table_id, row_number

    ),

    parts as (

        select
            report_id, table_id, row_number, row_label,
            'short_plus_long_equals_total' as rule,
            total_column as column_number,
            'total' as column_header,
            short + long as expected_value,
            total as printed_value,
            0.02 as tolerance,
            source_line
        from by_unit
        where total is not null and short is not null and long is not null

    ),

    shares as (

        select
            report_id, table_id, row_number, row_label,
            'long_share_equals_long_over_total' as rule,
            long_share_column as column_number,
            'long_share' as column_header,
            case when total = 0 then 0 else 100 * long / total end as expected_value,
            long_share as printed_value,
            -- long and total are rounded to 0,01: the share may be off by this much
            case when total = 0 then 0 else 100 * 0.005 * (total + long) / (total * total) end
                + 0.005 as tolerance,
            source_line
        from by_unit
        where total is not null and long is not null and long_share is not null

    ),

    genders as (

        select
            total.report_id, total.table_id, total.row_number, total.row_label,
            'total_between_women_and_men' as rule,
            total.column_number,
            total.column_header,
            -- the nearest bound, or the total itself when it lies between them
            greatest(
                least(women.value, men.value), least(total.value, greatest(women.value, men.value))
            ) as expected_value,
            total.value as printed_value,
            0.01 as tolerance,
            total.source_line
        from cells as total
        inner join cells as women
            on total.report_id = women.report_id
            and total.table_id = women.table_id
            and total.row_number = women.row_number
            and total.absence_kind = women.absence_kind
            and women.gender = 'K'
        inner join cells as men
            on total.report_id = men.report_id
            and total.table_id = men.table_id
            and total.row_number = men.row_number
            and total.absence_kind = men.absence_kind
            and men.gender = 'M'
        where total.gender = 'T'

    ),

    percentages as (

        select
            report_id, table_id, row_number, row_label,
            'percentage_within_0_100' as rule,
            column_number,
            column_header,
            greatest(0, least(100, value)) as expected_value,
            value as printed_value,
            0 as tolerance,
            source_line
        from cells
        where value is not null

    ),

    checked as (

        select * from parts
        union all
        select * from shares
        union all
        select * from genders
        union all
        select * from percentages

    )

    select * from checked
    where abs(printed_value - expected_value) > tolerance
{% endmacro %}
