{#- Every table cell with its row (label, role, parent), its column (header, key), its unit
    (printed after it, else the table's) and the rounding of its printed precision.
    A view, unlike the other intermediate models: its readers but one take one family's cells
    (the filter reaches the join), and writing all cells with their labels and headers as
    a table cost more than the joins (7 s of a 10 000-report build, BENCHMARKS.md). -#}
{{ config(materialized='view') }}

with

cells as (

    select * from {{ ref('stg_table_cells') }}

),

rows as (

    select * from {{ ref('stg_table_rows') }}

),

columns as (

    select * from {{ ref('int_table_columns_keyed') }}

),

tables as (

    select * from {{ ref('int_report_tables') }}

),

final as (

    select
        cells.report_id,
        cells.table_id,
        columns.table_family,
        columns.mart_family,
        columns.table_title,
        columns.table_title_key,
        cells.row_number,
        rows.row_label,
        rows.row_label_key,
        rows.row_role,
        rows.is_varav,
        rows.parent_row_number,
        rows.resolution,
        cells.column_number,
        columns.column_header,
        columns.header_key,
        cells.amount as value,
        cells.printed_text,
        cells.is_empty,
        coalesce(cells.printed_unit, tables.unit) as unit,
        cells.rounding,
        rows.label_line,
        cells.source_line
    from cells
    inner join rows
        on cells.report_id = rows.report_id
        and cells.table_id = rows.table_id
        and cells.row_number = rows.row_number
    inner join columns
        on cells.report_id = columns.report_id
        and cells.table_id = columns.table_id
        and cells.column_number = columns.column_number
    inner join tables
        on cells.report_id = tables.report_id
        and cells.table_id = tables.table_id

)

select * from final
