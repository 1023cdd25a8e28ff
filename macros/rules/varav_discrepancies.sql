{#-
    `varav` (of which) cells larger in size than the same column of the row they are part
    of. Overlapping varav rows need not add up to their row (a child can change placement
    within a month), but none of them can exceed it.
-#}
{% macro varav_discrepancies(relation, value='value') %}
    with

    cells as (

        select * from {{ relation }}

    ),

    compared as (

        select
            part.report_id,
            part.table_id,
            part.row_number,
            part.row_label,
            'varav_not_above_its_row' as rule,
            part.column_number,
            part.column_header,
            whole.{{ value }} as expected_value,
            part.{{ value }} as printed_value,
            0 as tolerance,
            part.source_line
        from cells as part
        inner join cells as whole
            on part.report_id = whole.report_id
            and part.table_id = whole.table_id
            and part.parent_row_number = whole.row_number
            and part.column_number = whole.column_number
        where part.is_varav

    )

    select * from compared
    where abs(printed_value) > abs(expected_value)
{% endmacro %}
