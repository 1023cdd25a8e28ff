{#-
    Cells of the placement tables (volume: days; price: cost per day) mapped to measure,
    basis and scope through the reviewed seed placement_column_map, and row labels mapped to
    a canonical care category through care_category_map, so that the two tables, which name
    some categories differently, meet on one key. The budgeted price is one column mapped to
    two scopes (period and full year).
-#}
with

cells as (

    select * from {{ ref('stg_table_cells') }}

),

rows as (

    select * from {{ ref('stg_table_rows') }}

),

columns as (

    select * from {{ ref('stg_table_columns') }}

),

tables as (

    select * from {{ ref('stg_report_tables') }}

),

reports as (

    select * from {{ ref('stg_reports') }}

),

column_map as (

    select * from {{ ref('placement_column_map') }}

),

categories as (

    select * from {{ ref('care_category_map') }}

),

placement_columns as (

    select
        columns.report_id,
        columns.table_id,
        tables.table_family,
        tables.table_title,
        columns.column_number,
        columns.column_header,
        {{ header_key('columns.column_header', 'reports.report_year') }} as header_key
    from columns
    inner join tables
        on columns.report_id = tables.report_id
        and columns.table_id = tables.table_id
    inner join reports on columns.report_id = reports.report_id
    where tables.table_family in ('placement_volume', 'placement_price')

),

mapped_columns as (

    select
        placement_columns.*,
        column_map.measure,
        column_map.basis,
        column_map.scope,
        column_map.deviation_rule
    from placement_columns
    left join column_map
        on placement_columns.table_family = column_map.table_family
        and placement_columns.header_key = column_map.header_key

),

final as (

    select
        cells.report_id,
        cells.table_id,
        mapped_columns.table_family,
        mapped_columns.table_title,
        cells.row_number,
        rows.row_label,
        rows.row_role,
        rows.is_varav,
        rows.parent_row_number,
        categories.care_category_key,
        categories.target_group,
        cells.column_number,
        mapped_columns.column_header,
        mapped_columns.header_key,
        mapped_columns.measure,
        mapped_columns.basis,
        mapped_columns.scope,
        mapped_columns.deviation_rule,
        cells.amount as value,
        cells.printed_text,
        rows.resolution,
        rows.label_line,
        cells.source_line
    from cells
    inner join mapped_columns
        on cells.report_id = mapped_columns.report_id
        and cells.table_id = mapped_columns.table_id
        and cells.column_number = mapped_columns.column_number
    inner join rows
        on cells.report_id = rows.report_id
        and cells.table_id = rows.table_id
        and cells.row_number = rows.row_number
    left join categories on rows.row_label_key = categories.care_category_label_key

)

select * from final
