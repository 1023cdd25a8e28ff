{#-
    Total and subtotal rows whose printed amount differs from the sum of their component
    rows (rows pointing to them by parent_row_number; `varav` rows are parts of a line, not
    components), column by column. Tolerance: each of n components and the total is rounded
    to whole tkr, so they may differ by up to (n + 1) / 2 tkr.
-#}
{% macro sum_discrepancies(relation) %}
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
            sum(coalesce(amount_tkr, 0)) as expected_tkr,
            count(*) as component_count
        from amounts
        where parent_row_number is not null and not is_varav
        group by report_id, table_id, parent_row_number, column_number

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
            component_sums.expected_tkr,
            coalesce(parent.amount_tkr, 0) as printed_tkr,
            (component_sums.component_count + 1) / 2.0 as tolerance_tkr,
            parent.source_line
        from amounts as parent
        inner join component_sums
            on parent.report_id = component_sums.report_id
            and parent.table_id = component_sums.table_id
            and parent.row_number = component_sums.parent_row_number
            and parent.column_number = component_sums.column_number
        where parent.row_role in ('total', 'subtotal')

    )

    select * from compared
    where abs(printed_tkr - expected_tkr) > tolerance_tkr
{% endmacro %}
