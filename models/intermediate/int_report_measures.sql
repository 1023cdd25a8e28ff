{#-
    Cells of the smaller report tables (personal assistance, state grants, investments,
    assignment counts, staff turnover, case statistics, placement counts), each column mapped
    to a canonical column_key through the reviewed seed measure_column_map. Empty cells are
    kept (value null) so that the tables' rules can count them as 0; the marts leave them
    out.
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

    select * from {{ ref('measure_column_map') }}

),

table_measures as (

    select * from {{ ref('table_measure_map') }}

),

measure_columns as (

    select
        columns.report_id,
        columns.table_id,
        tables.table_family,
        tables.table_title,
        tables.table_title_key,
        columns.column_number,
        columns.column_header,
        {{ header_key('columns.column_header', 'reports.report_year') }} as header_key
    from columns
    inner join tables
        on columns.report_id = tables.report_id
        and columns.table_id = tables.table_id
    inner join reports on columns.report_id = reports.report_id
    where tables.table_family not in ('budget', 'placement_volume', 'placement_price')

),

mapped_columns as (

    select
        measure_columns.*,
        column_map.column_key,
        table_measures.measure as table_measure
    from measure_columns
    left join column_map
        on measure_columns.table_family = column_map.table_family
        and measure_columns.header_key = column_map.header_key
    left join table_measures
        on measure_columns.table_family = table_measures.table_family
        and measure_columns.table_title_key = table_measures.table_title_key

),

final as (

    select
        cells.report_id,
        cells.table_id,
        mapped_columns.table_family,
        mapped_columns.table_title,
        mapped_columns.table_measure,
        cells.row_number,
        rows.row_label,
        rows.row_role,
        rows.is_varav,
        rows.parent_row_number,
        cells.column_number,
        mapped_columns.column_header,
        mapped_columns.column_key,
        cast(null as varchar) as scope,
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

)

select * from final
