with

cells as (

    select * from {{ ref('int_table_cells') }}
    where mart_family = 'budget'

),

mapped_tables as (

    select * from {{ ref('int_mapped_tables') }}

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
        cells.table_title,
        rows.table_kind,
        cells.row_number,
        cells.row_label,
        cells.row_role,
        cells.is_varav,
        cells.parent_row_number,
        rows.role_evidence,
        cells.resolution,
        cells.column_number,
        cells.column_header,
        cells.header_key,
        coalesce(columns.column_flow, rows.row_flow) as flow,
        columns.basis,
        columns.scope,
        -- a table printed in mkr or kr (a generic layout mapped by review) is put in tkr
        cast(cells.value * {{ tkr_factor('cells.unit') }} as decimal(18, 4)) as amount_tkr,
        cells.printed_text,
        cells.unit as printed_unit,
        {{ tkr_factor('cells.unit') }} as tkr_per_printed_unit,
        cast(cells.rounding * {{ tkr_factor('cells.unit') }} as decimal(18, 4)) as rounding_tkr,
        cells.is_empty,
        cells.label_line,
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
    inner join mapped_tables
        on cells.report_id = mapped_tables.report_id
        and cells.table_id = mapped_tables.table_id

)

select * from final
