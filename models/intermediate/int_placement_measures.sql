{#-
    Cells of the placement tables (volume: days; price: cost per day) mapped to measure,
    basis and scope through the reviewed seed placement_column_map, and row labels mapped to
    a canonical care category through care_category_map, so that the two tables, which name
    some categories differently, meet on one key. The budgeted price is one column mapped to
    two scopes (period and full year).
-#}
with

cells as (

    select * from {{ ref('int_table_cells') }}
    where mart_family in ('placement_volume', 'placement_price')

),

mapped_tables as (

    select * from {{ ref('int_mapped_tables') }}

),

column_map as (

    select * from {{ ref('placement_column_map') }}

),

categories as (

    select * from {{ ref('care_category_map') }}

),

final as (

    select
        cells.report_id,
        cells.table_id,
        cells.mart_family as table_family,
        cells.table_title,
        cells.row_number,
        cells.row_label,
        cells.row_role,
        cells.is_varav,
        cells.parent_row_number,
        categories.care_category_key,
        categories.target_group,
        cells.column_number,
        cells.column_header,
        cells.header_key,
        column_map.measure,
        column_map.basis,
        column_map.scope,
        column_map.deviation_rule,
        cells.value,
        cells.printed_text,
        cells.resolution,
        cells.label_line,
        cells.source_line
    from cells
    inner join mapped_tables
        on cells.report_id = mapped_tables.report_id
        and cells.table_id = mapped_tables.table_id
    left join column_map
        on cells.mart_family = column_map.table_family
        and cells.header_key = column_map.header_key
    left join categories on cells.row_label_key = categories.care_category_label_key

)

select * from final
