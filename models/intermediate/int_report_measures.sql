{#-
    Cells of the smaller report tables (personal assistance, state grants, investments,
    assignment counts, staff turnover, case statistics, placement counts), each column mapped
    to a canonical column_key through the reviewed seed measure_column_map, and each table to
    what it measures where its title says it (table_measure_map). Empty cells are kept
    (value null) so that the tables' rules can count them as 0; the marts leave them out.
-#}
with

cells as (

    select * from {{ ref('int_table_cells') }}
    where mart_family in (
        'personal_assistance', 'state_grants', 'investments', 'assignment_counts',
        'staff_turnover', 'case_statistics', 'placement_counts'
    )

),

mapped_tables as (

    select * from {{ ref('int_mapped_tables') }}

),

column_map as (

    select * from {{ ref('measure_column_map') }}

),

table_measures as (

    select * from {{ ref('table_measure_map') }}

),

final as (

    select
        cells.report_id,
        cells.table_id,
        cells.mart_family as table_family,
        cells.table_title,
        table_measures.measure as table_measure,
        cells.row_number,
        cells.row_label,
        cells.row_role,
        cells.is_varav,
        cells.parent_row_number,
        cells.column_number,
        cells.column_header,
        column_map.column_key,
        cast(null as varchar) as scope,
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
    left join table_measures
        on cells.mart_family = table_measures.table_family
        and cells.table_title_key = table_measures.table_title_key

)

select * from final
