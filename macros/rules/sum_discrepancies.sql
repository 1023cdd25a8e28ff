{#-
    Total and subtotal rows whose printed value differs from the sum of their component
    rows (rows pointing to them by parent_row_number; `varav` rows are parts of a line, not
    components), column by column. Tolerance: each of n components and the total is rounded
    to a whole unit (tkr, days), so they may differ by up to (n + 1) / 2 of it; with
    `rounding` (a column: the unit of each cell's last printed digit, 0.1 for `-145,2`) by
    (n + 1) / 2 of the coarsest one.
-#}
{% macro sum_discrepancies(relation, value='amount_tkr', rounding=none) %}
    with

    amounts as (

        select * from {{ relation }}

    ),

    component_sums as (

        select
            report_id,
            table_id,
            parent_row_number,
            column_number,
            scope,
            sum(coalesce({{ value }}, 0)) as expected_value,
            count(*) as component_count,
            max({{ rounding or 1 }}) as component_rounding
        from amounts
        where parent_row_number is not null and not is_varav
        group by report_id, table_id, parent_row_number, column_number, scope

    ),

    compared as (

        select
            parent.report_id,
            parent.table_id,
            parent.row_number,
            parent.row_label,
            case parent.row_role
                when 'total' then 'rows_add_up_to_total'
                else 'rows_add_up_to_subtotal'
            end as rule,
            parent.column_number,
            parent.column_header,
            component_sums.expected_value,
            coalesce(parent.{{ value }}, 0) as printed_value,
            (component_sums.component_count + 1) / 2.0
                * greatest(
                    component_sums.component_rounding, {{ 'parent.' ~ rounding if rounding else 1 }}
                )
                as tolerance,
            parent.source_line
        from amounts as parent
        inner join component_sums
            on parent.report_id = component_sums.report_id
            and parent.table_id = component_sums.table_id
            and parent.row_number = component_sums.parent_row_number
            and parent.column_number = component_sums.column_number
            and parent.scope is not distinct from component_sums.scope
        where parent.row_role in ('total', 'subtotal')

    )

    select * from compared
    where abs(printed_value - expected_value) > tolerance
{% endmacro %}
