{#-
    Rules that need no semantics, for tables of unknown layout (fct_report_table_cells):
    rows add up to their printed total (`Summa`, `Totalt`, `Summa verksamheter`, a `Netto`
    after its rows) or inferred subtotal within the rounding of their printed precision; a
    row whose `varav` parts are its costs and revenues (`Netto` / `- varav kostnader` /
    `- varav intäkter`) equals their sum as printed, or, both printed positive, revenue
    minus cost. Columns of percentages (`%`, `Utfall_proc`, `Andel`) are not additive and
    are left out.
-#}
{% macro generic_discrepancies(relation) %}
    with

    additive as (

        select * from {{ relation }}
        where not is_percent_column

    ),

    parts as (

        select
            report_id,
            table_id,
            parent_row_number,
            column_number,
            sum(coalesce(value, 0)) as printed_sum,
            sum(coalesce(value, 0)) filter (where row_label_key like '%intäkt%')
                - sum(coalesce(value, 0)) filter (where row_label_key like '%kostnad%')
                as revenue_minus_cost,
            bool_and(coalesce(value, 0) >= 0) as all_positive,
            count(*) as part_count,
            max(rounding) as part_rounding
        from additive
        where is_varav
        group by report_id, table_id, parent_row_number, column_number
        having count(*) filter (where row_label_key like '%intäkt%') > 0
            and count(*) filter (where row_label_key like '%kostnad%') > 0

    ),

    net_with_parts as (

        select
            net.report_id,
            net.table_id,
            net.row_number,
            net.row_label,
            net.column_number,
            net.column_header,
            coalesce(net.value, 0) as printed_value,
            parts.printed_sum,
            parts.revenue_minus_cost,
            parts.all_positive,
            (parts.part_count + 1) / 2.0 * greatest(parts.part_rounding, net.rounding) as tolerance,
            net.source_line
        from additive as net
        inner join parts
            on net.report_id = parts.report_id
            and net.table_id = parts.table_id
            and net.row_number = parts.parent_row_number
            and net.column_number = parts.column_number

    ),

    net_rows as (

        -- parts printed as they add up; both printed positive, revenue minus cost
        select
            report_id,
            table_id,
            row_number,
            row_label,
            'net_equals_its_varav_parts' as rule,
            column_number,
            column_header,
            case
                when abs(printed_value - printed_sum) <= tolerance then printed_sum
                when all_positive then revenue_minus_cost
                else printed_sum
            end as expected_value,
            printed_value,
            tolerance,
            source_line
        from net_with_parts

    ),

    discrepancies as (

        select * from ({{ sum_discrepancies('additive', 'value', 'rounding') }})
        union all
        select * from net_rows
        where abs(printed_value - expected_value) > tolerance

    )

    select * from discrepancies
{% endmacro %}
