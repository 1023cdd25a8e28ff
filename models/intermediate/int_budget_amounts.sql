with

cells as (

    select * from {{ ref('stg_table_cells') }}

),

columns as (

    select * from {{ ref('int_budget_columns_mapped') }}

),

rows as (

    select * from {{ ref('int_budget_rows_mapped') }}

),

final as (

    select
        cells.report_id,
        cells.table_id,
        rows.table_title,
        rows.table_kind,
        cells.row_number,
        rows.row_label,
        rows.row_role,
        rows.is_varav,
        rows.parent_row_number,
        rows.role_evidence,
        rows.resolution,
        cells.column_number,
        columns.column_header,
        columns.header_key,
        coalesce(columns.column_flow, rows.row_flow) as flow,
        columns.basis,
        columns.scope,
        cells.amount as amount_tkr,
        cells.printed_text,
        cells.is_empty,
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

)

select * from final
